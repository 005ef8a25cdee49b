"""Moderators keep the guides up to date: they may edit them, not delete them."""

from django.db import migrations

GUIDE_PERMISSIONS = [
    ("guide", ["view", "change"]),
    ("guidetranslation", ["view", "add", "change"]),
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrations; make sure they exist now.
    app_config = apps.get_app_config("guides")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Moderators")
    for model, actions in GUIDE_PERMISSIONS:
        for action in actions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="guides", codename=f"{action}_{model}"
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Moderators").first()
    if group:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="guides")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0002_initial_content"),
        ("accounts", "0002_moderators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
