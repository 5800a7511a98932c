#!/bin/sh
# Install Tesseract with English, French and Spanish data from Debian packages when missing.
# Without it the pipeline still runs; scanned pages are then marked for review.
have_lang() { tesseract --list-langs 2>/dev/null | grep -qx "$1"; }
if command -v tesseract >/dev/null 2>&1 && have_lang eng && have_lang fra && have_lang spa; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Tesseract OCR (eng, fra, spa) from Debian packages..."
    if apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa >/dev/null 2>&1; then
        exit 0
    fi
fi
echo "OCR unavailable: scanned PDFs will be loaded with their pages marked for review." >&2
echo "To enable it: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa" >&2
exit 0
