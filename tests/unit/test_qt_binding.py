"""The Qt binding the app is installed with survives a long session: thousands of signals emitted from Python
(progress, thumbnails, table updates) must not abort the process."""

import subprocess
import sys

SESSION = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

application = QApplication([])


class Worker(QObject):
    progressed = Signal(int, int)


worker = Worker()
seen = []
worker.progressed.connect(lambda done, total: seen.append(done))
for done in range(20_000):
    worker.progressed.emit(done, 20_000)
print(len(seen))
"""


def test_twenty_thousand_signals_do_not_abort_the_process():
    result = subprocess.run([sys.executable, "-c", SESSION], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "20000"
