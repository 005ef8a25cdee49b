"""Decide from its content whether an uploaded file is an acceptable CV (PDF or DOCX)."""

import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_CV_BYTES = 5 * 1024 * 1024
MAX_DOCX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_DOCX_ENTRIES = 1000
MAX_NAME_LENGTH = 120

# Larger than any real [Content_Types].xml; caps what a lying zip header can make us inflate.
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# An entry is a bomb when it inflates more than this many times and past the size below.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_BYTES = 1024 * 1024
READ_CHUNK_BYTES = 64 * 1024
PDF_TAIL_BYTES = 2048

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_HEAD_BYTES = max(len(PDF_MAGIC), len(ZIP_MAGIC), len(OLE_MAGIC))
ZIP_ENCRYPTED_FLAG = 0x1

PDF_CONTENT_TYPE = "application/pdf"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCX_REQUIRED_PARTS = ("[content_types].xml", "word/document.xml")
# Found in [Content_Types].xml or in part names of macro-enabled or ActiveX documents.
MACRO_MARKERS = (b"macroenabled", b"vbaproject", b"activex")

# Allowed in display names besides Unicode letters, marks and digits.
NAME_PUNCTUATION = frozenset(" ._-()[]")
# Only a short alphanumeric tail counts as an extension: "Dr. Tanaka" and "v2.1" keep theirs.
EXTENSION_PATTERN = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")


@dataclass(frozen=True)
class CheckedCV:
    """An accepted CV: what it really is, and a name that is safe to show."""

    kind: str  # "pdf" or "docx"
    extension: str  # ".pdf" or ".docx"
    content_type: str
    display_name: str  # sanitised original name, always ending in `extension`
    size: int  # bytes actually read, not the size the client declared


@dataclass(frozen=True)
class _Scan:
    """What one streamed pass over the upload learnt."""

    size: int
    head: bytes
    tail: bytes
    markers: frozenset[str]


def _pdf_name(word: str) -> bytes:
    """Regex for the PDF name /word, also when obfuscated with #xx escapes (/J#61vaScript)."""
    return b"/" + b"".join(b"(?:%s|#(?i:%02x))" % (re.escape(c.encode()), ord(c)) for c in word)


# A name ends at PDF whitespace or a delimiter; /JS must, or fonts like /JSans would match.
_PDF_NAME_END = rb"(?=[\x00\s()<>\[\]{}/%])"
_MARKERS = re.compile(
    b"(?P<encrypted>" + _pdf_name("Encrypt") + b")"
    b"|(?P<active_content>"
    + b"|".join(
        (
            _pdf_name("JavaScript"),
            _pdf_name("JS") + _PDF_NAME_END,
            _pdf_name("Launch"),
            _pdf_name("EmbeddedFile"),
        )
    )
    + b")"
    # Password-protected Office files are OLE containers holding this stream (UTF-16 names).
    b"|(?P<ole_encrypted>" + "EncryptedPackage".encode("utf-16-le") + b")"
)
# Any marker split between two chunks still fits whole in this much carried-over data.
_MARKER_OVERLAP = 64

_FORMATS = {
    "pdf": (".pdf", PDF_CONTENT_TYPE),
    "docx": (".docx", DOCX_CONTENT_TYPE),
}
# Everything zipfile raises on a malformed or unsupported archive.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


def check_cv_upload(upload) -> CheckedCV:
    """Raise ValidationError (user-facing message, with a `code`) unless `upload` is a fine CV.

    The type comes from the content alone, never from the name or the browser's content type.
    The upload is rewound afterwards so the caller can save it.
    """
    name = upload.name or ""
    if _is_unsafe_name(name):
        raise ValidationError(
            _("This file name is not allowed. Rename the file and upload it again."),
            code="bad_name",
        )
    try:
        scan = _scan_upload(upload)
        kind = _check_content(upload, scan)
    finally:
        upload.seek(0)
    extension, content_type = _FORMATS[kind]
    return CheckedCV(
        kind=kind,
        extension=extension,
        content_type=content_type,
        display_name=sanitise_filename(name, extension),
        size=scan.size,
    )


def sanitise_filename(name: str, extension: str) -> str:
    """Display-safe version of `name`, at most MAX_NAME_LENGTH chars, ending in `extension`."""
    basename = re.split(r"[\\/]", name)[-1]
    cleaned = "".join(_display_char(char) for char in unicodedata.normalize("NFC", basename))
    cleaned = " ".join(cleaned.split())
    stem = EXTENSION_PATTERN.sub("", cleaned).lstrip(". ").rstrip(". ")
    if not any(char.isalnum() for char in stem):
        stem = "cv"
    stem = stem[: MAX_NAME_LENGTH - len(extension)].rstrip(". ")
    return stem + extension


def _display_char(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Zs":
        return " "  # Ideographic and no-break spaces become plain ones, then collapse.
    if category[0] in "LMN" or char in NAME_PUNCTUATION:
        return char
    return "_"


def _is_unsafe_name(name: str) -> bool:
    # With no separators allowed, a ".." segment can only be a name made of dots.
    return (
        "/" in name
        or "\\" in name
        or any(unicodedata.category(char) == "Cc" for char in name)
        or _only_dots(name)
        or _only_dots(name.rpartition(".")[0])  # "....pdf"
    )


def _only_dots(text: str) -> bool:
    return bool(text) and not text.strip(".")


def _scan_upload(upload) -> _Scan:
    """Read the upload once, counting real bytes: the declared size may lie."""
    declared_size = getattr(upload, "size", None)
    if declared_size is not None and declared_size > MAX_CV_BYTES:
        raise _too_large()
    size, head, tail, markers = 0, b"", b"", set()
    for chunk in upload.chunks(READ_CHUNK_BYTES):
        size += len(chunk)
        if size > MAX_CV_BYTES:
            raise _too_large()
        window = tail[-_MARKER_OVERLAP:] + chunk
        markers.update(match.lastgroup for match in _MARKERS.finditer(window))
        if len(head) < _HEAD_BYTES:
            head = (head + chunk)[:_HEAD_BYTES]
        tail = (tail + chunk)[-PDF_TAIL_BYTES:]
    if size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    return _Scan(size=size, head=head, tail=tail, markers=frozenset(markers))


def _too_large() -> ValidationError:
    return ValidationError(
        _("This file is larger than %(limit)d MB."),
        code="too_large",
        params={"limit": MAX_CV_BYTES // (1024 * 1024)},
    )


def _check_content(upload, scan: _Scan) -> str:
    """Return the kind of an acceptable file; refuse anything else."""
    if scan.head.startswith(PDF_MAGIC):
        _check_pdf(scan)
        return "pdf"
    if scan.head.startswith(ZIP_MAGIC):
        _check_docx(upload)
        return "docx"
    if scan.head.startswith(OLE_MAGIC):
        _refuse_ole(scan)
    raise _unsupported()


def _unsupported() -> ValidationError:
    return ValidationError(_("Upload a PDF or a Word (.docx) file."), code="unsupported")


def _check_pdf(scan: _Scan) -> None:
    if b"%%EOF" not in scan.tail:
        raise ValidationError(
            _("This PDF seems damaged or incomplete. Save it again and upload the new copy."),
            code="damaged",
        )
    if "encrypted" in scan.markers:
        raise ValidationError(
            _("This PDF is password-protected. Remove the password and upload it again."),
            code="encrypted",
        )
    if "active_content" in scan.markers:
        raise ValidationError(
            _(
                "PDFs with scripts, actions or attached files are not accepted. "
                'Save it again as a plain PDF, for example with "Print to PDF".'
            ),
            code="active_content",
        )


def _refuse_ole(scan: _Scan) -> None:
    if "ole_encrypted" in scan.markers:
        raise ValidationError(
            _("This document is password-protected. Remove the password and upload it again."),
            code="encrypted",
        )
    raise ValidationError(
        _("Old Word (.doc) files are not accepted. Save it as a PDF or .docx and upload that."),
        code="unsupported",
    )


def _check_docx(upload) -> None:
    """Check a zip from its directory and [Content_Types].xml only; nothing else is inflated."""
    try:
        archive = zipfile.ZipFile(upload)
    except _ZIP_ERRORS as error:
        raise _damaged_docx() from error
    with archive:
        entries = archive.infolist()
        _check_zip_entries(entries)
        # Office part names are case-insensitive.
        parts = {entry.filename.lower(): entry for entry in entries}
        if len(parts) != len(entries):
            # Duplicates let Word read a different part from the one checked here.
            raise _damaged_docx()
        if not all(part in parts for part in DOCX_REQUIRED_PARTS):
            raise _unsupported()
        content_types = _read_capped(archive, parts["[content_types].xml"])
    if _has_macros(list(parts), content_types):
        raise ValidationError(
            _("Word files with macros are not accepted. Save it as a normal .docx or PDF."),
            code="macros",
        )


def _has_macros(part_names: list[str], content_types: bytes) -> bool:
    searchable = "\n".join(part_names).encode() + b"\n" + content_types.lower()
    return any(marker in searchable for marker in MACRO_MARKERS)


def _check_zip_entries(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_DOCX_ENTRIES:
        raise _zip_bomb()
    if any(_is_unsafe_entry_name(entry.filename) for entry in entries):
        raise ValidationError(
            _("This Word file contains unsafe paths. Save it again or upload a PDF."),
            code="bad_name",
        )
    if any(entry.flag_bits & ZIP_ENCRYPTED_FLAG for entry in entries):
        raise ValidationError(
            _("This Word file is password-protected. Remove the password and upload it again."),
            code="encrypted",
        )
    declared_total = sum(entry.file_size for entry in entries)
    if declared_total > MAX_DOCX_UNCOMPRESSED_BYTES or any(map(_inflates_too_much, entries)):
        raise _zip_bomb()


def _is_unsafe_entry_name(name: str) -> bool:
    path = name.replace("\\", "/")
    is_absolute = path.startswith("/") or re.match(r"[A-Za-z]:", path) is not None
    return is_absolute or ".." in path.split("/")


def _inflates_too_much(entry: zipfile.ZipInfo) -> bool:
    return (
        entry.file_size > RATIO_CHECK_MIN_BYTES
        and entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)
    )


def _read_capped(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    # Declared sizes can lie, so the read itself is capped too.
    try:
        with archive.open(entry) as part:
            data = part.read(MAX_CONTENT_TYPES_BYTES + 1)
    except _ZIP_ERRORS as error:
        raise _damaged_docx() from error
    if len(data) > MAX_CONTENT_TYPES_BYTES:
        raise _zip_bomb()
    return data


def _damaged_docx() -> ValidationError:
    return ValidationError(
        _("This Word file seems damaged. Save it again and upload the new copy."),
        code="damaged",
    )


def _zip_bomb() -> ValidationError:
    return ValidationError(
        _("This Word file is too large when unpacked. Save it as a PDF and upload that instead."),
        code="zip_bomb",
    )
