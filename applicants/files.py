"""Serving a CV file: the one response the web page and the API both send."""

from django.http import FileResponse, Http404

from applicants.models import CV


def cv_file_response(cv: CV) -> FileResponse:
    """The CV as a private download (never cached, never sniffed); 404 if the file is gone."""
    try:
        handle = cv.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=cv.original_name, content_type=cv.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
