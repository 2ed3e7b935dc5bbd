#!/usr/bin/python3
"""Writes openrlhf-ppo/events.out.tfevents.*: a TensorBoard event file as torch's SummaryWriter writes
OpenRLHF's PPO curves (TensorboardLogger.log_train: add_scalar("train/<key>", v, step), add_text for
generated samples), framed and encoded by hand after TensorFlow's record_writer and event.proto (no
TensorFlow or protobuf here). Values are exact in float32, so a reader's numbers can be compared exactly.
Step 2 also has a new_style scalar (TensorProto float_val) and a double-precision one (double_val); a
last record cut short follows, as a writer killed mid-write leaves it. Run: python3 make_tfevents.py"""
import os
import struct


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF


assert crc32c(b"123456789") == 0xE3069283  # the CRC-32C check value


def masked(data):
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def varint(n):
    out = b""
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def field(number, wire, payload):
    key = varint(number << 3 | wire)
    return key + (varint(len(payload)) + payload if wire == 2 else payload)


def simple_value(tag, value):
    return field(1, 2, field(1, 2, tag.encode()) + field(2, 5, struct.pack("<f", value)))


def tensor_value(tag, value, double):
    tensor = field(1, 0, varint(2 if double else 1)) + field(2, 2, b"")
    tensor += field(6, 2, struct.pack("<d", value)) if double else field(5, 2, struct.pack("<f", value))
    metadata = field(1, 2, field(1, 2, b"scalars"))
    return field(1, 2, field(1, 2, tag.encode()) + field(9, 2, metadata) + field(8, 2, tensor))


def text_value(tag, text):
    tensor = field(1, 0, varint(7)) + field(8, 2, text.encode())
    metadata = field(1, 2, field(1, 2, b"text"))
    return field(1, 2, field(1, 2, tag.encode()) + field(9, 2, metadata) + field(8, 2, tensor))


def event(step, wall_time, summary_values=None, file_version=None):
    body = field(1, 1, struct.pack("<d", wall_time)) + field(2, 0, varint(step))
    if file_version is not None:
        body += field(3, 2, file_version.encode())
    if summary_values is not None:
        body += field(5, 2, b"".join(summary_values))
    return body


def record(data):
    header = struct.pack("<Q", len(data))
    return header + struct.pack("<I", masked(header)) + data + struct.pack("<I", masked(data))


STEPS = {
    1: {"reward": 0.25, "kl": 0.0, "return": 0.25, "policy_loss": -0.5, "critic_loss": 1.5, "response_length": 12.0,
        "actor_lr": 0.0000095367431640625, "ppo_clip_ratio": 0.0, "ppo_kl": 0.001953125, "total_length": 40.0},
    2: {"reward": 0.5, "kl": 0.125, "return": 0.4375, "policy_loss": -0.25, "critic_loss": 1.0, "response_length": 10.0,
        "actor_lr": 0.0000095367431640625, "ppo_clip_ratio": 0.0625, "ppo_kl": 0.00390625, "total_length": 38.0},
    3: {"reward": 0.75, "kl": 0.25, "return": 0.625, "policy_loss": -0.125, "critic_loss": 0.75, "response_length": 9.0,
        "actor_lr": 0.00000476837158203125, "ppo_clip_ratio": 0.125, "ppo_kl": 0.0078125, "total_length": 37.0},
}

here = os.path.dirname(os.path.abspath(__file__))
out = bytearray(record(event(0, 1764000000.0, file_version="brain.Event:2")))
for step, logs in STEPS.items():
    for key, value in logs.items():  # add_scalar writes one event per call
        out += record(event(step, 1764000000.0 + step, [simple_value("train/" + key, value)]))
    if step == 2:
        out += record(event(step, 1764000002.5, [text_value("train/generated_samples", "Sample:\\nHi\\n\\nReward: 0.5000")]))
        out += record(event(step, 1764000002.5, [tensor_value("train/timing/generation", 1.5, False)]))
        out += record(event(step, 1764000002.5, [tensor_value("train/timing/ppo_train", 2.25, True)]))
out += record(event(4, 1764000004.0, [simple_value("train/reward", 1.0)]))[:-9]  # cut short
path = os.path.join(here, "openrlhf-ppo", "events.out.tfevents.1764000000.node0.1234.0")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "wb") as f:
    f.write(out)
