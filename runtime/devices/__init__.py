"""Simulated devices: the dummy network device and a serial (UART-style) device."""
from .dummynet import DummyNet
from .serial import SerialDevice

DEVICE_TYPES = {"dummynet": DummyNet, "serial": SerialDevice}

__all__ = ["DEVICE_TYPES", "DummyNet", "SerialDevice"]
