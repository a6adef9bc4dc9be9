"""The "Teachers" group: members manage quiz content in the admin, never users or settings."""

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction

TEACHERS_GROUP = "Teachers"

# Content models teachers fully manage, by model name in the game app.
CONTENT_MODELS = ["debate", "side", "speaker", "article", "paragraph", "quote", "misquote", "argument", "question",
                  "choice"]
ACTIONS = ["view", "add", "change", "delete"]
# Teachers see who is locked out after too many wrong passwords, and unlock them (django-axes).
LOCKOUT_PERMISSIONS = ["view_accessattempt", "delete_accessattempt"]


def teachers_group_sync() -> Group:
    """Create the group if needed and give it exactly the content permissions."""
    group, _ = Group.objects.get_or_create(name=TEACHERS_GROUP)
    codenames = [f"{action}_{model}" for model in CONTENT_MODELS for action in ACTIONS]
    permissions = Permission.objects.filter(
        content_type__app_label="game", codename__in=codenames + teachers_extra_permissions()
    ) | Permission.objects.filter(content_type__app_label="axes", codename__in=LOCKOUT_PERMISSIONS)
    group.permissions.set(permissions)
    return group


def teachers_extra_permissions() -> list[str]:
    """Beyond content: teachers read every player's results (rounds and their answers)."""
    return ["view_round", "view_rounditem"]


@transaction.atomic
def teacher_create(*, username: str, password: str, name: str = "") -> User:
    """A staff account in the Teachers group (staff so the admin lets them in)."""
    user = User.objects.create_user(username=username, password=password, is_staff=True, first_name=name)
    user.groups.add(teachers_group_sync())
    return user


def is_teacher(user) -> bool:
    """Members of the Teachers group (and superusers) run classes; students never do."""
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=TEACHERS_GROUP).exists())
