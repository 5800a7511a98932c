"""Running headers and reading order, from lines and positioned words as the PDF readers give them."""

from sources.layout import Line, furniture_keys, words_to_lines

WIDTH = 595.0


def word(text: str, x0: float, top: float, width: float = 200.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + 10.0,
            "size": 10.0, "fontname": "Helvetica"}


def test_two_columns_whose_lines_are_not_level_are_read_one_after_the_other():
    # A heading in the right column shifts its lines by 7 points: no line faces another.
    left = [word(f"left {n}", 71, 100 + 14 * n) for n in range(12)]
    right = [word(f"right {n}", 315, 107 + 14 * n) for n in range(5)]
    title = [word("Statement of the delegation", 150, 60, 300)]
    header = [word("Intersessional Meetings 2022", 356, 30, 180)]  # in the right half alone
    lines = [line.text for line in words_to_lines(header + title + left + right, WIDTH)]
    assert lines == (["Intersessional Meetings 2022", "Statement of the delegation"]
                     + [f"left {n}" for n in range(12)] + [f"right {n}" for n in range(5)])
    # A line across the middle ends the columns: those below it are read on their own.
    note = [word("Full-width note", 71, 300, 450)]
    below = [word(f"below {n}", 71 + 244 * (n % 2), 320 + 7 * n) for n in range(8)]
    lines = [line.text for line in words_to_lines(left + right + note + below, WIDTH)]
    assert lines[17:] == ["Full-width note"] + [f"below {n}" for n in (0, 2, 4, 6, 1, 3, 5, 7)]


def test_lines_on_the_right_beside_nothing_stay_where_they_are():
    body = [word(f"body {n}", 71, 100 + 14 * n, 450) for n in range(6)]
    signature = [word(text, 350, 200 + 14 * n, 150) for n, text in
                 enumerate(["Geneva, 21 June 2022", "Permanent Mission", "of Chile"])]
    lines = [line.text for line in words_to_lines(body + signature, WIDTH)]
    assert lines == [f"body {n}" for n in range(6)] + [
        "Geneva, 21 June 2022", "Permanent Mission", "of Chile"]


def test_a_right_hand_block_with_ragged_edges_is_no_column():
    left = [word(f"left {n}", 71, 100 + 14 * n) for n in range(6)]
    ragged = [word(f"aside {n}", 320 + 25 * n, 107 + 14 * n, 100) for n in range(4)]
    lines = [line.text for line in words_to_lines(left + ragged, WIDTH)]
    assert lines[:3] == ["left 0", "aside 0", "left 1"]  # by height, as on a one-column page


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
    for n in (0, 1, 3):  # on half the pages now, but each with its own number
        pages[n].insert(1, line(f"{n + 1}. Survey and clearance", 60))
    assert furniture_keys(pages, [842.0] * 8) == {"permanent mission of chile", "page # of #"}
