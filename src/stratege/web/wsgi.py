"""The WSGI application (gunicorn serves it: ``stratege serve``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stratege.web.settings")
application = get_wsgi_application()
