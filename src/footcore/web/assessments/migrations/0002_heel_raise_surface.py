"""Heel-raise results record the surface they were done on (incline board or flat floor).

Rows saved before this migration never said. footcore's choice: they become
`unknown`, which is read like a flat-floor result (no verdict against the incline
norms of hebert-losier-2017, only the runner's own trend), because the old
instructions let the runner test on either surface. Other tests keep no surface.
"""

from typing import Any

from django.conf import settings
from django.db import migrations, models


def mark_old_heel_raises_unknown(apps: Any, schema_editor: Any) -> None:
    entries = apps.get_model("assessments", "AssessmentEntry")
    entries.objects.filter(kind="heel-raise", surface__isnull=True).update(surface="unknown")


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='assessmententry',
            name='surface',
            field=models.CharField(blank=True, choices=[('incline', 'incline'), ('flat', 'flat'), ('unknown', 'unknown')], help_text="Heel raises only: incline board or flat floor ('unknown' for results saved before it was asked). Empty for every other test.", max_length=8, null=True),
        ),
        migrations.RunPython(mark_old_heel_raises_unknown, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='assessmententry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'heel-raise'), ('surface__isnull', False)), models.Q(models.Q(('kind', 'heel-raise'), _negated=True), ('surface__isnull', True)), _connector='OR'), name='assessment_surface_only_for_heel_raise'),
        ),
    ]
