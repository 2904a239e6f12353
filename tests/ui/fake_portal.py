"""A stand-in for xdg-desktop-portal's Settings interface (``org.freedesktop.portal.Settings``
on ``org.freedesktop.portal.Desktop``), as GNOME's portal offers it to apps: only the
``org.freedesktop.appearance`` ``contrast`` setting (0 no preference, 1 high contrast).

Run with Debian's ``/usr/bin/python3`` (python3-gi), not with brugdesk's venv, on the test's
private session bus. It prints ``ready`` once it owns the portal's name; each line on stdin
(``0`` or ``1``) sets the contrast and emits ``SettingChanged``, as the portal does when the
officer switches high contrast on or off; then it prints ``changed N``.
"""

from __future__ import annotations

import sys

from gi.repository import Gio, GLib  # type: ignore[import-not-found]

PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.Settings"
NAMESPACE = "org.freedesktop.appearance"
XML = f"""<node><interface name="{INTERFACE}">
<method name="ReadAll"><arg type="as" name="namespaces" direction="in"/>
  <arg type="a{{sa{{sv}}}}" name="value" direction="out"/></method>
<method name="Read"><arg type="s" name="namespace" direction="in"/><arg type="s" name="key" direction="in"/>
  <arg type="v" name="value" direction="out"/></method>
<method name="ReadOne"><arg type="s" name="namespace" direction="in"/><arg type="s" name="key" direction="in"/>
  <arg type="v" name="value" direction="out"/></method>
<signal name="SettingChanged"><arg type="s" name="namespace"/><arg type="s" name="key"/><arg type="v" name="value"/>
</signal>
<property name="version" type="u" access="read"/>
</interface></node>"""

contrast = int(sys.argv[1]) if len(sys.argv) > 1 else 0
connection: Gio.DBusConnection | None = None


def on_call(_conn, _sender, _path, _iface, method, params, invocation) -> None:
    if method == "ReadAll":
        settings = {NAMESPACE: {"contrast": GLib.Variant("u", contrast), "color-scheme": GLib.Variant("u", 0)}}
        invocation.return_value(GLib.Variant("(a{sa{sv}})", (settings,)))
        return
    namespace, key = params.unpack()
    if namespace == NAMESPACE and key == "contrast":
        value = GLib.Variant("u", contrast)
        invocation.return_value(GLib.Variant("(v)", (GLib.Variant("v", value) if method == "Read" else value,)))
    else:
        invocation.return_dbus_error("org.freedesktop.portal.Error.NotFound", "no such setting")


def on_property(*_args) -> GLib.Variant:
    return GLib.Variant("u", 2)


def on_line(_channel, _condition) -> bool:
    global contrast
    line = sys.stdin.readline()
    if not line:
        loop.quit()
        return False
    contrast = int(line)
    assert connection is not None
    connection.emit_signal(None, PATH, INTERFACE, "SettingChanged",
                           GLib.Variant("(ssv)", (NAMESPACE, "contrast", GLib.Variant("u", contrast))))
    connection.flush_sync(None)
    print("changed", contrast, flush=True)
    return True


def on_bus(conn, _name) -> None:
    global connection
    connection = conn
    conn.register_object(PATH, Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0], on_call, on_property, None)


def on_name(_conn, _name) -> None:
    print("ready", flush=True)


def on_lost(_conn, _name) -> None:
    print("name taken", flush=True)
    loop.quit()


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.portal.Desktop", Gio.BusNameOwnerFlags.NONE,
                 on_bus, on_name, on_lost)
GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.IO_IN | GLib.IO_HUP, on_line)
loop = GLib.MainLoop()
loop.run()
