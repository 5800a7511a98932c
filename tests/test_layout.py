"""Running headers and reading order, from lines and positioned words as the PDF readers give them."""

from sources.layout import Line, furniture_keys


def line(text: str, top: float) -> Line:
    return Line(text=text, top=top, bottom=top + 10, x0=71, size=10, bold=False)


def test_running_headers_repeat_on_half_the_pages_numbered_headings_do_not():
    pages = [[line("Permanent Mission of Chile", 30), line(f"Body of page {n}", 200),
              line(f"Page {n} of 8", 820)] for n in range(1, 9)]
    pages[2].insert(1, line("3. Survey and clearance", 60))  # near the top of two pages of 8
    pages[5].insert(1, line("6. Survey and clearance", 60))
    keys = furniture_keys(pages, [842.0] * 8)
    assert keys == {"permanent mission of chile", "page # of #"}
    assert furniture_keys(pages[:2], [842.0] * 2) == {"permanent mission of chile",
                                                      "page # of #"}
