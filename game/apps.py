from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _teachers_group_refresh(sender, app_config=None, using="default", **kwargs):
    """After a migration, an existing Teachers group gets the permissions of content added since
    (e.g. misquotes): otherwise teachers on a running server would not see it in the admin."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group

    from game.teachers import TEACHERS_GROUP, teachers_group_sync

    if not Group.objects.using(using).filter(name=TEACHERS_GROUP).exists():
        return
    create_permissions(app_config, verbosity=0, using=using)  # this app's, whatever order the handlers run in
    teachers_group_sync()


class GameConfig(AppConfig):
    name = "game"
    verbose_name = "Quiz content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_teachers_group_refresh, sender=self, dispatch_uid="game-teachers-group-refresh")
