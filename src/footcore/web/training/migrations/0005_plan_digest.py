from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("training", "0004_prescription")]

    operations = [
        migrations.AddField(
            model_name="plannedsession",
            name="digest",
            field=models.CharField(
                blank=True,
                default="",
                help_text="`session_digests` of what the row holds (empty: written before digests).",
                max_length=64,
            ),
        ),
        migrations.AddField(
            model_name="runnerprofile",
            name="plan_digest",
            field=models.CharField(
                blank=True,
                default="",
                help_text="`plan_digest` of the plan the stored future sessions were written from.",
                max_length=64,
            ),
        ),
        migrations.AddField(
            model_name="runnerprofile",
            name="plan_from",
            field=models.DateField(
                blank=True,
                null=True,
                help_text="The first day that plan's sessions were written for.",
            ),
        ),
    ]
