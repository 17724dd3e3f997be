from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "stratege.web"
    label = "web"
    verbose_name = "Stratège"
    default_auto_field = "django.db.models.BigAutoField"
