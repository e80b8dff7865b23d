"""Make the scanned corpus: corpus PDFs printed, stamped, signed and scanned back (deterministic).

    python3 corpora/scans/make_scans.py          # rewrites corpora/scans/ (needs pypdfium2, Pillow, numpy)

Only PDFs whose fonts are embedded can be rendered on a machine without CJK fonts, so the sources
are those (the seed report, the acceptance forms, the LibreOffice exports and the hand-built
forms). Each page is rendered, then damaged the way paper is:

- a red official seal (a ring, a star and a band of stroke "characters") stamped partly over text,
  and a blue signature scribble, on the first and last pages;
- scanner noise, a crooked placement (2-5° skew, alternating sign) and JPEG compression;
- in multi-page documents, the second page fed in sideways (turned 90°).

Three kinds of copy per source, each a document of the source's gold (`NAME.gold.json` here names
them; the gold's facts are the source's, unchanged):

- `NAME.scan.pdf`: colour scan at 110 dpi wrapped in an image-only PDF;
- `NAME.photo.jpg` (one page) or `NAME.photo.tif` (two or three pages, one frame each): a phone
  photo, with uneven light and a grey paper tone;
- `NAME.gray.pdf` (single-page hand-built forms only): a grayscale office scan at 100 dpi;
- `NAME.long.jpg` (the multi-page acceptance forms): a phone's 长图, every page photographed and
  the photos stitched one under another into one JPEG that states no resolution;
- `NAME.scan200.pdf` (the multi-page acceptance forms): the colour scan again at 200 dpi, an office
  scanner's usual setting, made after the other copies (their random draws stay as they were).

The random draws are seeded from the source's name, so the output is the same on every run.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent

#: (source PDF relative to corpora/, its gold relative to corpora/)
SOURCES = [
    ("acceptance/seeds/seed.pdf", "acceptance/seed.gold.json"),
    ("acceptance/forms/anhui_guichi_tangxi_weituo_2022.pdf",
     "acceptance/forms/anhui_guichi_tangxi_weituo_2022.gold.json"),
    ("acceptance/forms/anhui_tianchang_2022.pdf", "acceptance/forms/anhui_tianchang_2022.gold.json"),
    ("forms/f02_clean_split.lo.pdf", "forms/f02_clean_split.gold.json"),
    ("forms/f05_band.lo.pdf", "forms/f05_band.gold.json"),
    ("forms/f17_missed_full.lo.pdf", "forms/f17_missed_full.gold.json"),
    ("forms/f24_over_executed.lo.pdf", "forms/f24_over_executed.gold.json"),
    ("handforms/hf01_sichuan_noborder.pdf", "handforms/hf01_sichuan.gold.json"),
    ("handforms/hf01_sichuan_pdf.pdf", "handforms/hf01_sichuan.gold.json"),
    ("handforms/hf02_yunnan_noborder.pdf", "handforms/hf02_yunnan.gold.json"),
    ("handforms/hf03_guizhou_noborder.pdf", "handforms/hf03_guizhou.gold.json"),
    ("handforms/hf04_merged_noborder.pdf", "handforms/hf04_merged.gold.json"),
    ("handforms/hf04_merged_pdf.pdf", "handforms/hf04_merged.gold.json"),
    ("handforms/hf05_two_sheets_noborder.pdf", "handforms/hf05_two_sheets.gold.json"),
    ("handforms/hf06_two_row_header_noborder.pdf", "handforms/hf06_two_row_header.gold.json"),
    ("narrative/n01_clean.lo.pdf", "narrative/n01_clean.gold.json"),
    ("narrative/n13_missed_full.lo.pdf", "narrative/n13_missed_full.gold.json"),
    ("narrative/n22_combo_seedlike.lo.pdf", "narrative/n22_combo_seedlike.gold.json"),
    ("narrative/n38_target_changed_b.lo.pdf", "narrative/n38_target_changed_b.gold.json"),
]

SCAN_DPI, PHOTO_DPI, GRAY_DPI = 110, 110, 100
#: The finer scans of the acceptance forms: a page scanned finer than the recogniser's working
#: resolution must read as well as a coarse one.
FINE_DPI = 200
JPEG_QUALITY = 50
FIXED_DATE = time.strptime("2024-01-01", "%Y-%m-%d")
#: Longer sources get no photo copy.
MAX_PHOTO_PAGES = 3
SEAL_RED = (205, 30, 35)
INK_BLUE = (30, 50, 160)


def rng_for(name: str) -> np.random.Generator:
    return np.random.default_rng(int(hashlib.sha256(name.encode()).hexdigest()[:12], 16))


def render(pdf_path: Path, dpi: int) -> list[Image.Image]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [pdf[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(pdf))]
    finally:
        pdf.close()


def stamp_seal(page: Image.Image, rng: np.random.Generator) -> None:
    """A red round seal over the text, its ink multiplied with the page like real stamp ink."""
    w, h = page.size
    r = int(min(w, h) * rng.uniform(0.09, 0.12))
    cx = int(w * rng.uniform(0.55, 0.75))
    cy = int(h * rng.uniform(0.35, 0.8))
    layer = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(layer)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=max(3, r // 14))
    star = [(cx + r * 0.3 * math.cos(math.pi / 2 + k * 4 * math.pi / 5),
             cy - r * 0.3 * math.sin(math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)]
    draw.polygon(star, fill=255)
    for k in range(14):  # the seal's ring of text, as short strokes
        angle = math.pi * (0.15 + 0.7 * k / 13) + math.pi
        x, y = cx + r * 0.72 * math.cos(angle), cy + r * 0.72 * math.sin(angle)
        draw.rectangle((x - r * 0.07, y - r * 0.07, x + r * 0.07, y + r * 0.07), outline=255, width=2)
    # ink multiplies: print under the seal stays dark, paper under it turns red
    stamp = Image.composite(Image.new("RGB", page.size, SEAL_RED), Image.new("RGB", page.size, "white"), layer)
    page.paste(ImageChops.multiply(page, stamp))


def sign(page: Image.Image, rng: np.random.Generator) -> None:
    """A blue signature scribble across a line of text near the seal."""
    w, h = page.size
    x0, y0 = w * rng.uniform(0.15, 0.4), h * rng.uniform(0.4, 0.85)
    points = []
    for k in range(40):
        t = k / 39
        points.append((x0 + t * w * 0.22, y0 + math.sin(t * math.pi * rng.uniform(3, 6)) * h * 0.012 - t * h * 0.01))
    stroke = Image.new("RGB", page.size, "white")
    ImageDraw.Draw(stroke).line(points, fill=INK_BLUE, width=3, joint="curve")
    page.paste(ImageChops.multiply(page, stroke))


def skew(page: Image.Image, degrees: float) -> Image.Image:
    return page.rotate(degrees, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=(255, 255, 255))


def noise(page: Image.Image, rng: np.random.Generator, sigma: float) -> Image.Image:
    pixels = np.asarray(page, dtype=np.float32)
    pixels = pixels + rng.normal(0, sigma, pixels.shape[:2])[..., None]
    specks = rng.random(pixels.shape[:2]) < 0.0004
    pixels[specks] = 40
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def photo_light(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Uneven light and a grey paper tone, as a phone photo has."""
    w, h = page.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    falloff = 1 - 0.22 * np.hypot(xx - cx, yy - cy) / np.hypot(w, h)
    pixels = np.asarray(page, dtype=np.float32) * 0.9 + 8
    return Image.fromarray(np.clip(pixels * falloff[..., None], 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(0.6))


def damaged_pages(pages: list[Image.Image], rng: np.random.Generator, photo: bool,
                  sideways: bool = True) -> list[Image.Image]:
    out = []
    for index, page in enumerate(pages):
        page = page.copy()
        if index in (0, len(pages) - 1):
            stamp_seal(page, rng)
            sign(page, rng)
        angle = rng.uniform(2.0, 5.0) * (1 if index % 2 == 0 else -1)
        page = skew(page, float(angle))
        page = photo_light(page, rng) if photo else page
        page = noise(page, rng, 7.0 if photo else 10.0)
        if index == 1 and sideways:
            page = page.transpose(Image.Transpose.ROTATE_270)  # fed in sideways
        out.append(page)
    return out


def jpeg(page: Image.Image, gray: bool = False) -> Image.Image:
    buffer = io.BytesIO()
    (page.convert("L") if gray else page).save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return Image.open(io.BytesIO(buffer.getvalue()))


def save_pdf(pages: list[Image.Image], path: Path, dpi: int) -> None:
    # Pillow embeds a JPEG image as it is (DCTDecode): the PDF holds the scan's own bytes
    # a fixed date: the same scans give the same bytes on every run
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=dpi,
                  creationDate=FIXED_DATE, modDate=FIXED_DATE)


def make(source: str, gold_path: str) -> list[str]:
    pdf_path = CORPORA / source
    stem = Path(source).name.removesuffix(".pdf").removesuffix(".lo")
    rng = rng_for(stem)
    files = []
    scan = [jpeg(p) for p in damaged_pages(render(pdf_path, SCAN_DPI), rng, photo=False)]
    save_pdf(scan, HERE / f"{stem}.scan.pdf", SCAN_DPI)
    files.append(f"{stem}.scan.pdf")
    photo = damaged_pages(render(pdf_path, PHOTO_DPI), rng, photo=True)
    if len(photo) > MAX_PHOTO_PAGES:
        pass  # nobody photographs a long report page by page (and CI reads every page of these)
    elif len(photo) == 1:
        photo[0].save(HERE / f"{stem}.photo.jpg", "JPEG", quality=JPEG_QUALITY, optimize=True, dpi=(PHOTO_DPI,) * 2)
        files.append(f"{stem}.photo.jpg")
    else:
        photo[0].save(HERE / f"{stem}.photo.tif", "TIFF", save_all=True, append_images=photo[1:],
                      compression="jpeg", quality=JPEG_QUALITY, dpi=(PHOTO_DPI,) * 2)
        files.append(f"{stem}.photo.tif")
    if source.startswith("acceptance/forms/") and len(scan) > 1:
        # a phone's 长图: each page photographed (crooked, stamped, uneven light) and the photos
        # stitched one under another into a single JPEG, without a resolution (as phones send it)
        shots = damaged_pages(render(pdf_path, PHOTO_DPI), rng, photo=True, sideways=False)
        long = Image.new("RGB", (max(s.width for s in shots), sum(s.height for s in shots)), "white")
        top = 0
        for shot in shots:
            long.paste(shot, (0, top))
            top += shot.height
        long.save(HERE / f"{stem}.long.jpg", "JPEG", quality=JPEG_QUALITY, optimize=True)
        files.append(f"{stem}.long.jpg")
    if source.startswith("handforms/") and len(scan) == 1:
        gray = [jpeg(p, gray=True) for p in damaged_pages(render(pdf_path, GRAY_DPI), rng, photo=False)]
        save_pdf(gray, HERE / f"{stem}.gray.pdf", GRAY_DPI)
        files.append(f"{stem}.gray.pdf")
    if source.startswith("acceptance/forms/") and len(scan) > 1:
        fine = [jpeg(p) for p in damaged_pages(render(pdf_path, FINE_DPI), rng, photo=False)]
        save_pdf(fine, HERE / f"{stem}.scan{FINE_DPI}.pdf", FINE_DPI)
        files.append(f"{stem}.scan{FINE_DPI}.pdf")
    own = pdf_path.with_name(f"{stem}.gold.json")  # a source with a gold of its own (a layout variant)
    gold = json.loads((own if own.exists() else CORPORA / gold_path).read_text(encoding="utf-8"))
    gold["documents"] = files
    gold["document"] = f"{files[0]} (same content: {', '.join(files[1:])})"
    gold["scanned_from"] = source
    (HERE / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return files


def main() -> int:
    total = 0
    for source, gold in SOURCES:
        files = make(source, gold)
        total += len(files)
        print(source, "→", ", ".join(files))
    size = sum(p.stat().st_size for p in HERE.iterdir() if p.suffix in (".pdf", ".jpg", ".tif"))
    print(f"{total} documents, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
