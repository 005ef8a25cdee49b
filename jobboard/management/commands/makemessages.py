"""makemessages for this project: only the product's own files, no obsolete entries."""

from django.core.management.commands import makemessages

# Folders whose strings users never see (or that are not ours).
IGNORED = [".venv/*", "tests/*", "docs/*", "scripts/*", "staticfiles/*", "var/*", "media/*"]


class Command(makemessages.Command):
    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *IGNORED]
        options["no_obsolete"] = True
        super().handle(*args, **options)
