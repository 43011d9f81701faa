from __future__ import annotations

import asyncio

import pytest

from literacy_kit.kiosk.idle import IdleWatchdog
from support import run_async


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_fires_once_after_timeout_and_again_after_new_activity():
    clock, fired = Clock(), []
    dog = IdleWatchdog(180, lambda: fired.append(clock.now), clock=clock)
    clock.now += 179.9
    assert dog.check() is False
    clock.now += 0.2
    assert dog.check() is True
    clock.now += 500
    assert dog.check() is False, "an idle kiosk is reset once, not every tick"
    dog.touch()
    clock.now += 180
    assert dog.check() is True
    assert len(fired) == 2


def test_touch_postpones_the_reset():
    clock, fired = Clock(), []
    dog = IdleWatchdog(10, lambda: fired.append(True), clock=clock)
    for _ in range(5):
        clock.now += 9
        dog.touch()
        assert dog.check() is False
    assert fired == []


@pytest.mark.parametrize("timeout, interval", [(1, 0.5), (8, 2.0), (180, 5.0)])
def test_check_interval_scales_with_timeout(timeout, interval):
    assert IdleWatchdog(timeout, lambda: None).interval == interval


def test_start_checks_on_the_running_event_loop():
    fired = []

    async def scenario():
        dog = IdleWatchdog(0.6, lambda: fired.append(True))
        dog.start()
        await asyncio.sleep(1.5)
        dog.stop()

    run_async(scenario())
    assert fired == [True]


class FakeKernel:
    def __init__(self, handler):
        self.shell_handlers = {"comm_msg": handler}


class FakeShell:
    def __init__(self, handler):
        self.kernel = FakeKernel(handler)


@pytest.mark.parametrize("is_async", [False, True])
def test_widget_messages_count_as_activity(monkeypatch, is_async):
    import IPython

    from literacy_kit.kiosk.idle import watch_widget_messages

    handled = []
    if is_async:
        async def original(stream, ident, msg):
            handled.append(msg)
    else:
        def original(stream, ident, msg):
            handled.append(msg)
    shell = FakeShell(original)
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    touches = []
    assert watch_widget_messages(lambda: touches.append(True)) is True
    result = shell.kernel.shell_handlers["comm_msg"](None, [], {"content": {}})
    if is_async:
        run_async(result)
    assert touches == [True] and len(handled) == 1


def test_outside_a_kernel_nothing_is_hooked(monkeypatch):
    import IPython

    from literacy_kit.kiosk.idle import watch_widget_messages

    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert watch_widget_messages(lambda: None) is False
