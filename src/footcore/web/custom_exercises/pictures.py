"""An uploaded picture, checked from its bytes and re-encoded before it is stored.

The file name and the browser's content type are ignored: Pillow reads the image's own
header. Within the budgets below the image is decoded in full, turned upright by its
EXIF orientation, scaled to fit `MAX_SIDE_PX`, and written again as PNG (with
transparency) or JPEG, so no metadata (location, camera, comments) and no bytes the
clinician did not see survive. Budgets are footcore's choices.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from footcore.domain.problems import Invalid, invalid

MAX_BYTES = 3_000_000
MAX_PIXELS = 25_000_000
"""A decoded image above this many pixels is refused before decoding (a pixel bomb)."""
MAX_SIDE_PX = 1200
ALLOWED = frozenset({"PNG", "JPEG", "WEBP", "GIF"})
FIELD = "picture"
KINDS = "PNG, JPEG, WebP or GIF"


@dataclass(frozen=True, slots=True)
class Picture:
    data: bytes
    content_type: str
    width_px: int
    height_px: int


def clean_picture(data: bytes) -> Picture:
    """The picture re-encoded, or `Invalid` on field `picture` saying why not."""
    if not data:
        raise invalid(FIELD, "the file is empty")
    if len(data) > MAX_BYTES:
        raise invalid(FIELD, f"the file is larger than {MAX_BYTES // 1_000_000} MB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only these decoders ever see the bytes.
            with Image.open(io.BytesIO(data), formats=sorted(ALLOWED)) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise invalid(FIELD, f"the picture has more than {MAX_PIXELS} pixels")
                image.seek(0)  # the first frame of an animation
                image.load()
                upright = ImageOps.exif_transpose(image)
    except Invalid:
        raise
    except UnidentifiedImageError:
        raise invalid(FIELD, f"this is not a {KINDS} picture") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise invalid(FIELD, f"the picture has more than {MAX_PIXELS} pixels") from None
    except (OSError, ValueError, SyntaxError, EOFError):  # truncated or corrupt data
        raise invalid(FIELD, "the picture is damaged or cut short") from None
    upright.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
    return _encoded(upright)


def _encoded(image: Image.Image) -> Picture:
    out = io.BytesIO()
    transparent = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if transparent:
        clean = image.convert("RGBA")
        clean.save(out, format="PNG", optimize=True)
        kind = "image/png"
    else:
        clean = image.convert("RGB")
        clean.save(out, format="JPEG", quality=85, optimize=True)
        kind = "image/jpeg"
    return Picture(out.getvalue(), kind, clean.width, clean.height)
