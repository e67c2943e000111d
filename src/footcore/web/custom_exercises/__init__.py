"""A clinic's own exercises: stored in the database, validated by the catalog's rules,
seen only by that clinic's clinicians and by its clients who have one prescribed."""
