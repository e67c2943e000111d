"""An uploaded picture is judged by its bytes, re-encoded, and loses its metadata."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from footcore.domain.problems import Invalid
from footcore.web.custom_exercises.pictures import MAX_BYTES, clean_picture
from tests.web.custom_exercises.builders import picture


def message(data: bytes) -> str:
    with pytest.raises(Invalid) as caught:
        clean_picture(data)
    (problem,) = caught.value.problems
    assert problem.field == "picture"
    return problem.message


def test_a_photo_is_re_encoded_as_jpeg_without_its_exif_data() -> None:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera maker
    exif[0x0131] = "secret-editor"
    raw = picture("JPEG", exif=exif.tobytes())
    assert b"SecretCam" in raw
    cleaned = clean_picture(raw)
    assert cleaned.content_type == "image/jpeg"
    assert b"SecretCam" not in cleaned.data
    assert b"secret-editor" not in cleaned.data
    with Image.open(io.BytesIO(cleaned.data)) as image:
        assert not image.getexif()


def test_a_transparent_png_stays_a_png_and_loses_its_text_chunks() -> None:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "home address 12 Quay St")
    image = Image.new("RGBA", (30, 20), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    cleaned = clean_picture(out.getvalue())
    assert cleaned.content_type == "image/png"
    assert b"Quay St" not in cleaned.data


def test_a_large_picture_is_scaled_to_fit() -> None:
    cleaned = clean_picture(picture("PNG", size=(2400, 1000)))
    assert (cleaned.width_px, cleaned.height_px) == (1200, 500)


def test_a_text_file_named_like_a_picture_is_refused() -> None:
    assert "not a PNG, JPEG, WebP or GIF picture" in message(
        b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"
    )
    assert "not a PNG, JPEG, WebP or GIF picture" in message(b"%PDF-1.4 not an image")


def test_an_empty_or_oversized_file_is_refused() -> None:
    assert "empty" in message(b"")
    assert "larger than" in message(b"\x89PNG" + b"0" * MAX_BYTES)


def test_a_cut_short_picture_is_refused() -> None:
    raw = picture("PNG", size=(300, 300))
    assert "damaged" in message(raw[: len(raw) // 2])


def test_a_pixel_bomb_is_refused_before_it_is_decoded() -> None:
    # A valid PNG header claiming 100 000 x 100 000 pixels, with almost no data.
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )
    assert "more than 25000000 pixels" in message(bomb)


def test_a_format_footcore_does_not_serve_is_refused() -> None:
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, format="BMP")
    assert "PNG, JPEG" in message(out.getvalue())
