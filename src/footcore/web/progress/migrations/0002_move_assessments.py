"""`AssessmentEntry` now belongs to the `assessments` app; its table stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("progress", "0001_initial"),
        ("assessments", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[migrations.DeleteModel(name="AssessmentEntry")],
        ),
    ]
