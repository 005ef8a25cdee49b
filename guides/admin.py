from django.contrib import admin
from django.db import models
from django.forms import Textarea

from guides.models import Guide, GuideTranslation


class GuideTranslationInline(admin.StackedInline):
    model = GuideTranslation
    extra = 0
    max_num = 3  # English, Japanese, Urdu
    fields = ["language", "title", "summary", "body_markdown", "sources", "last_checked"]
    formfield_overrides = {
        models.TextField: {"widget": Textarea(attrs={"rows": 24, "cols": 100, "dir": "auto"})}
    }


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "sector", "country", "sort_order", "is_published", "updated_at"]
    list_filter = ["kind", "is_published"]
    list_editable = ["sort_order", "is_published"]
    search_fields = ["key", "translations__title"]
    list_select_related = ["sector"]
    inlines = [GuideTranslationInline]
    fields = ["kind", "key", "sector", "country", "sort_order", "is_published"]
