#!/usr/bin/python3
"""Converts documents through one running LibreOffice, for test/helpers/libreoffice.ts.

Why this file exists: each `soffice --convert-to` start cost about 6.5 s of CPU (profile load,
UNO bootstrap, and graphics render tests that new profiles now skip: about 1 s without them),
and the test suite converted documents in dozens of separate starts. A test process now starts
ONE `soffice --accept=pipe,...` and this client, which connects to it once and converts every
document of the process through it: no LibreOffice start and no Python start per conversion.

Run with Debian's /usr/bin/python3 (the `uno` module comes from the package python3-uno):
    /usr/bin/python3 libreoffice-uno-client.py <pipe name> <soffice process group> <connect timeout s> [<profile dir>]

Protocol, one JSON object per line:
  first line written:  {"ready": true}  once connected (or {"ready": false, "error": ...} then exit)
  request on stdin:    {"id": n, "input": path, "output": path, "filter": name, "options": str or null,
                        "recalc": bool}
  answer on stdout:    {"id": n, "ok": true}  or  {"id": n, "ok": false, "error": "..."}

A request does what `soffice --convert-to <ext>:<filter>:<options>` does with one file (same load
and store properties as LibreOffice's desktop/source/app/dispatchwatcher.cxx): load the file
read-only, hidden, silent, in a new frame; storeToURL(output, Overwrite, FilterName[,
FilterOptions]); close the document. For csv with sheet token -1, Calc itself writes one file per
sheet beside `output`, named <base>-<Sheet>.csv, exactly as --convert-to names them.

"recalc": true loads the document as a profile with OOXMLRecalcMode and ODFRecalcMode 0 would
(every formula recalculated on load); false as the server's own profile does (cached results
kept). The two settings are switched in the running LibreOffice's configuration before the load
(Calc reads them at each load), so one server serves both instead of one start per setting.

When stdin closes (the test process ended, however it ended: vitest ends its workers without
running their 'exit' handlers), the client kills the soffice process group it was given, so no
LibreOffice outlives the tests, then removes the server's profile folder.
"""

import json
import os
import shutil
import signal
import sys
import time

SOFFICE_GROUP = int(sys.argv[2]) if len(sys.argv) > 2 else 0
PROFILE = sys.argv[4] if len(sys.argv) > 4 else ""


def kill_soffice():
    if SOFFICE_GROUP > 0:
        try:
            os.killpg(SOFFICE_GROUP, signal.SIGKILL)
        except OSError:
            pass


def remove_profile():
    """After kill_soffice: waits (at most 5 s) for the group to be gone, then removes the profile."""
    if not PROFILE:
        return
    deadline = time.monotonic() + 5
    while SOFFICE_GROUP > 0 and time.monotonic() < deadline:
        try:
            os.killpg(SOFFICE_GROUP, 0)
        except OSError:
            break
        time.sleep(0.05)
    shutil.rmtree(PROFILE, ignore_errors=True)


def answer(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except Exception as e:  # python3-uno missing: the Node side falls back to --convert-to
    answer({"ready": False, "error": "import uno: %s" % e})
    sys.exit(3)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, timeout_s):
    """The server's component context, once it accepts connections."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


RECALC_KEYS = ("OOXMLRecalcMode", "ODFRecalcMode")


class RecalcSetting:
    """Calc's recalculation-on-load settings of the running LibreOffice: the profile's own values
    for plain loads, 0 (always recalculate) for recalculating ones; written only on a change."""

    def __init__(self, ctx):
        provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
        self.access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.Office.Calc/Formula/Load"),)
        )
        self.plain = tuple(self.access.getPropertyValue(k) for k in RECALC_KEYS)
        self.current = False

    def use(self, recalc):
        if recalc == self.current:
            return
        values = (0,) * len(RECALC_KEYS) if recalc else self.plain
        for key, value in zip(RECALC_KEYS, values):
            self.access.setPropertyValue(key, value)
        self.access.commitChanges()
        self.current = recalc


def convert(desktop, setting, req):
    setting.use(bool(req.get("recalc")))
    load = (
        prop("Referer", "private:OpenEvent"),
        prop("ReadOnly", True),
        prop("OpenNewView", True),
        prop("Hidden", True),
        prop("Silent", True),
    )
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(req["input"]), "_blank", 0, load)
    if doc is None:
        raise RuntimeError("LibreOffice n'a pas ouvert %s" % req["input"])
    try:
        store = [prop("Overwrite", True), prop("FilterName", req["filter"])]
        if req.get("options") is not None:
            store.append(prop("FilterOptions", req["options"]))
        doc.storeToURL(uno.systemPathToFileUrl(req["output"]), tuple(store))
    finally:
        try:
            doc.close(True)
        except Exception:
            doc.dispose()


def main():
    try:
        ctx = connect(sys.argv[1], float(sys.argv[3]) if len(sys.argv) > 3 else 120.0)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        setting = RecalcSetting(ctx)
    except Exception as e:
        answer({"ready": False, "error": "connect: %s" % e})
        kill_soffice()
        return 4
    answer({"ready": True})
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            convert(desktop, setting, req)
            answer({"id": req["id"], "ok": True})
        except Exception as e:
            answer({"id": req["id"], "ok": False, "error": "%s: %s" % (type(e).__name__, e)})
    kill_soffice()
    remove_profile()
    return 0


if __name__ == "__main__":
    sys.exit(main())
