"""Storage for private files (CVs): like the file system storage, but with no URL at all."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name):
        # Private files are served only by views that check permission.
        raise NotImplementedError("Private files have no public URL.")
