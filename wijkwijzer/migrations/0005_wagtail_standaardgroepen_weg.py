"""Remove Wagtail's default groups "Editors" and "Moderators", so that each role exists once,
under the project's own name (wijkwijzer.roles).

Wagtail's migrations create both groups with their own permissions, and a workflow
"Moderators approval" on the root page. The project's roles take their place: Wagtail's
editors edit without publishing (our Redacteur), its moderators publish (our Eindredacteur,
who approves in the review workflow, wijkwijzer.services.ensure_review_workflow). "Moderator"
here is someone else again: who moderates participation.

On a database that is in use nobody loses access: members of the old groups join the matching
role, and an approval task of "Moderators" becomes one of the Eindredacteur group. Wagtail's
default workflow is deleted when it was never used; otherwise it stays, with that group. The
role groups are filled with their permissions after migrating (ensure_roles_after_migrate).
"""

from django.db import migrations

# The role names as they were when this migration was written (wijkwijzer.roles).
TAKES_OVER = {"Editors": "Redacteur", "Moderators": "Eindredacteur"}
DEFAULT_WORKFLOW = "Moderators approval"


def remove_wagtail_default_groups(apps, schema_editor) -> None:
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")

    for old_name, role_name in TAKES_OVER.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        role, _ = Group.objects.get_or_create(name=role_name)
        role.user_set.add(*old.user_set.all())
        for task in GroupApprovalTask.objects.filter(groups=old):
            task.groups.add(role)

        if old_name == "Moderators":
            workflow = Workflow.objects.filter(name=DEFAULT_WORKFLOW).first()
            if (
                workflow is not None
                and not WorkflowState.objects.filter(workflow=workflow).exists()
            ):
                task_ids = list(
                    workflow.workflow_tasks.filter(task__name=DEFAULT_WORKFLOW).values_list(
                        "task_id", flat=True
                    )
                )
                workflow.delete()  # with its WorkflowPage and WorkflowTask rows
                for task in Task.objects.filter(pk__in=task_ids):
                    if not task.workflow_tasks.exists() and not task.task_states.exists():
                        task.delete()
        old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wijkwijzer", "0004_verzending"),
        # Every Wagtail migration that creates the two groups or gives them something.
        ("wagtailcore", "0048_add_default_workflows"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(remove_wagtail_default_groups, migrations.RunPython.noop),
    ]
