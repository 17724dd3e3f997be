"""The root URL configuration: the application's URLs under their namespace."""

from django.urls import include, path

urlpatterns = [path("", include("stratege.web.urls", namespace="web"))]
