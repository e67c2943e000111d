"""`AssessmentEntry` moves here from the `progress` app, in state only.

The table `progress_assessmententry` is created by `progress.0001_initial` and keeps
its name and rows; `progress.0002` drops the model from that app's state.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("progress", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='AssessmentEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('date', models.DateField()),
                        ('kind', models.CharField(choices=[('heel-raise', 'heel-raise'), ('balance-eyes-open', 'balance-eyes-open'), ('balance-eyes-closed', 'balance-eyes-closed'), ('toe-yoga-big-toe', 'toe-yoga-big-toe'), ('toe-yoga-lesser-toes', 'toe-yoga-lesser-toes'), ('paper-grip-hallux', 'paper-grip-hallux'), ('paper-grip-lesser-toes', 'paper-grip-lesser-toes'), ('knee-to-wall', 'knee-to-wall'), ('big-toe-extension', 'big-toe-extension'), ('short-foot-hold', 'short-foot-hold'), ('faam-adl', 'faam-adl'), ('faam-sports', 'faam-sports')], max_length=32)),
                        ('side', models.CharField(blank=True, choices=[('left', 'left'), ('right', 'right')], max_length=8, null=True)),
                        ('value', models.JSONField(help_text="A number, a grade (pass/partial/fail), or {'trials_s': [..]} for timed trials.")),
                        ('answers', models.JSONField(blank=True, help_text='FAAM only: the item answers (0-4 or null for N/A).', null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assessments', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'progress_assessmententry',
                        'ordering': ('date', 'kind', 'side'),
                        'indexes': [models.Index(fields=['user', 'kind', 'date'], name='progress_as_user_id_bab501_idx')],
                    },
                ),
            ],
        ),
    ]
