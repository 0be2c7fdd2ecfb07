"""The 404 page, made to work wherever the site is published.

A web server shows ``404.html`` at any missing address, at any depth, so
MkDocs writes its links from the site root (``/assets/…``, or the path of
``site_url``): under a sub-path (``https://host/archive/``) without
``site_url`` they all break. Guarantees of :func:`relocatable`: every link
and resource of the page is written relative to a ``<base>`` element that
stands first in ``<head>``; with ``site_url`` set, the base is its path;
without, a one-line script sets it from the address asked for (everything
before the first top-level folder of the site found in it, such as
``/archive/`` in ``/archive/documents/nope/``), and without script, or when
the address holds no such folder, it is the site root ``/``.
"""

from __future__ import annotations

import json
import re


def relocatable(html: str, root: str, top_folders: list[str] | None) -> str:
    """*html* (MkDocs' ``404.html``, links from *root*) with relative links and a ``<base>``;
    *top_folders* given (no ``site_url``): the script that finds the root from the address."""
    prefix = re.escape(root)
    html = re.sub(rf'(\s(?:href|src|action|data-base)="){prefix}"', r'\1."', html)
    html = re.sub(rf'(\s(?:href|src|action|data-base)="){prefix}(?!/)', r"\1", html)
    base = f'<base href="{root}">'
    if top_folders:
        names = json.dumps(sorted(set(top_folders)))
        base += ("<script>(function(){var k=" + names + ",p=location.pathname.split('/');"
                 "for(var i=1;i<p.length;i++){if(k.indexOf(p[i])>=0){"
                 "document.querySelector('base').href=p.slice(0,i).join('/')+'/';return;}}})();</script>")
    return html.replace("<head>", "<head>" + base, 1)
