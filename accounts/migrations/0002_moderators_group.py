"""The Moderators group: exactly the permissions to moderate listings, verify companies and
handle reports; no users, passwords, CVs or site settings."""

from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("listings", "listingforreview", ["view", "change"]),
    ("listings", "listing", ["view", "change"]),
    ("listings", "listingflag", ["view"]),
    ("listings", "abusereport", ["view", "change"]),
    ("listings", "company", ["view", "change"]),
    ("listings", "feekeyword", ["view", "add", "change"]),
    ("auditlog", "logentry", ["view"]),
]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Moderators")
    permissions = []
    for app_label, model, actions in MODERATOR_PERMISSIONS:
        for action in actions:
            permissions.append(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
            )
    group.permissions.set(permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Moderators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("listings", "0011_listingforreview"),
        ("auditlog", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
