"""Clinic forms: a new client, joining with a code, attaching an account."""

from __future__ import annotations

from django import forms


class ClientForm(forms.Form):
    name = forms.CharField(max_length=120, label="Name")
    birth_year = forms.IntegerField(min_value=1900, max_value=2100, label="Birth year")


class JoinForm(forms.Form):
    code = forms.CharField(
        min_length=8,
        max_length=12,
        label="Code from your physio",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "inputmode": "text"}
        ),
    )
    birth_year = forms.IntegerField(min_value=1900, max_value=2100, label="Your birth year")
    consent = forms.BooleanField(
        required=False, label="Share my session logs and pain scores with my clinic"
    )


class AccountForm(forms.Form):
    username = forms.CharField(max_length=150, label="Sign-in name")
    email = forms.EmailField(required=False, label="E-mail (for a password reset)")
    password = forms.CharField(widget=forms.PasswordInput, label="Password")
