"""Public pages of the board."""

from django.shortcuts import render

from listings import selectors


def home(request):
    return render(request, "listings/home.html", {"sectors": selectors.sectors_for_home()})
