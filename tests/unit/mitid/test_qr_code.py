"""The login's QR code reads back as the phone address (issue #18 fixed its mask: the code must stay readable).

A decoder (zxing-cpp) reads the PNG the page shows, at the size the page shows it and shrunk and blurred as a phone
camera across a booth counter sees it; every address a login can have, for any base address."""
import base64
import io
import secrets

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies
from PIL import Image, ImageFilter

from simulators.mitid.service import TOKEN_BYTES, phone_url
from ui.mitid.qr_image import qr_png

SHOWN_PX = 280  # the <img> size in ui/mitid/box.qr_img_html


def read(png: bytes, px: int = SHOWN_PX, blur: float = 0.0) -> list[str]:
    image = Image.open(io.BytesIO(png)).convert("L").resize((SHOWN_PX, SHOWN_PX), Image.NEAREST)
    if px != SHOWN_PX:
        image = image.resize((px, px), Image.BILINEAR)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    # QR codes only, as a phone's camera looks for them: with every format on, zxing-cpp once read a stray
    # linear barcode ("5601") out of the modules beside the address (CI, 2026-12-02).
    return [found.text for found in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


BASES = ["http://localhost:8501", "http://192.168.178.20:8501", "https://dds-booth.example.org",
         "http://10.0.0.5:8501/showcase"]


@pytest.mark.parametrize("base", BASES)
def test_the_qr_code_reads_back_as_the_phone_address(base):
    for _ in range(20):
        address = phone_url(base, secrets.token_urlsafe(TOKEN_BYTES))
        assert read(qr_png(address)) == [address]


@pytest.mark.parametrize("base", BASES)
def test_the_qr_code_still_reads_small_and_blurred_as_a_camera_sees_it(base):
    # 100 px for ~41 modules (with the quiet zone) is 2.4 px a module, softened: below ~90 px the decoder fails
    # with any mask, the best-of-eight one included (measured when the mask was fixed).
    for _ in range(20):
        address = phone_url(base, secrets.token_urlsafe(TOKEN_BYTES))
        assert read(qr_png(address), px=100, blur=0.7) == [address]


@settings(max_examples=60, deadline=None)
@given(host=strategies.from_regex(r"[a-z][a-z0-9-]{0,30}\.[a-z]{2,6}", fullmatch=True), port=strategies.integers(1024, 65535),
       token=strategies.binary(min_size=TOKEN_BYTES, max_size=TOKEN_BYTES))
def test_any_base_address_and_token_make_a_readable_code(host, port, token):
    address = phone_url(f"https://{host}:{port}", base64.urlsafe_b64encode(token).rstrip(b"=").decode())
    assert read(qr_png(address)) == [address]


def test_a_corrupted_code_does_not_read_as_the_address():
    """The check can fail: a code with its centre painted over reads as nothing (not as some other text)."""
    address = phone_url("http://localhost:8501", secrets.token_urlsafe(TOKEN_BYTES))
    image = Image.open(io.BytesIO(qr_png(address))).convert("L")
    w, h = image.size
    image.paste(255, (w // 4, h // 4, 3 * w // 4, 3 * h // 4))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    assert address not in read(buffer.getvalue())


def test_the_address_that_once_also_read_as_a_linear_barcode_reads_as_the_address_alone():
    # With every format on, zxing-cpp found an ITF code "5601" in this one's modules too; a phone looks for QR codes.
    address = "https://dds-booth.example.org/mitid_phone?token=CP1HtckUPvyDGMSkmNJ-cGSbPOj76Hs2LBFJsehNfbo"
    assert read(qr_png(address)) == [address]


def test_the_png_has_the_pixels_segnos_own_writer_draws():
    import segno
    from ui.mitid.qr_image import BORDER, QR_MASK
    for base in BASES:
        address = phone_url(base, secrets.token_urlsafe(TOKEN_BYTES))
        theirs = io.BytesIO()
        segno.make(address, error="m", mask=QR_MASK).save(theirs, kind="png", scale=1, border=BORDER, dark="#23395B")
        ours, segnos = (Image.open(io.BytesIO(png)).convert("RGB") for png in (qr_png(address), theirs.getvalue()))
        assert ours.size == segnos.size
        assert ours.tobytes() == segnos.tobytes()
