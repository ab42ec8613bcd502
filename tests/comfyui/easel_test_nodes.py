"""Weight-free test nodes for Easel's opt-in real-ComfyUI tests.

Copy this file into ComfyUI's `custom_nodes/` folder (see the README, "Testing against a real
ComfyUI"). The nodes need no model weights and run in well under a second on a CPU:

- EaselProgressImage: a solid-colour image with a little seeded noise, made in `steps` steps of about
  0.15 s, each reporting progress with a PNG preview (so the websocket carries `progress` messages and
  binary preview frames). `prompt` / `negative_prompt` are accepted and ignored, so a workflow can hold
  every placeholder Easel's text-to-image workflows need.
- EaselFail: raises RuntimeError(message), giving a real `execution_error`.
- EaselSlow: passes its image through after `seconds`, stopping early on POST /interrupt.
- EaselPassThrough: passes its image on, taking (and ignoring) a prompt, negative prompt, seed and
  steps, so a workflow of ComfyUI's own image nodes (a blend of uploads) holds every placeholder.
"""

import time

import numpy as np
import torch
from PIL import Image

import comfy.model_management
import comfy.utils

MAX_SIDE = 4096


class EaselProgressImage:
    CATEGORY = "easel/test"
    RETURN_TYPES = ("IMAGE",)
    FUNCTION = "make"

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {
                "width": ("INT", {"default": 64, "min": 1, "max": MAX_SIDE}),
                "height": ("INT", {"default": 64, "min": 1, "max": MAX_SIDE}),
                "steps": ("INT", {"default": 4, "min": 1, "max": 50}),
                "seed": ("INT", {"default": 0, "min": 0, "max": 0xFFFFFFFFFFFFFFFF}),
                "color": ("INT", {"default": 0xFF8800, "min": 0, "max": 0xFFFFFF, "display": "color"}),
            },
            "optional": {
                "prompt": ("STRING", {"default": "", "multiline": True}),
                "negative_prompt": ("STRING", {"default": "", "multiline": True}),
            },
        }

    def make(self, width, height, steps, seed, color, prompt="", negative_prompt=""):
        rgb = np.array([(color >> 16) & 0xFF, (color >> 8) & 0xFF, color & 0xFF], dtype=np.float32) / 255.0
        noise = np.random.default_rng(seed % (2**63)).normal(0.0, 0.04, size=(height, width, 3)).astype(np.float32)
        pixels = np.clip(rgb[None, None, :] + noise, 0.0, 1.0)
        bar = comfy.utils.ProgressBar(steps)
        for i in range(steps):
            time.sleep(0.15)
            # Reveal the image row by row so each preview differs.
            shown = pixels.copy()
            shown[int(height * (i + 1) / steps):] = 0.0
            preview = Image.fromarray((shown * 255).astype(np.uint8), "RGB")
            bar.update_absolute(i + 1, steps, ("PNG", preview, None))
        return (torch.from_numpy(pixels).unsqueeze(0),)


class EaselFail:
    CATEGORY = "easel/test"
    RETURN_TYPES = ("IMAGE",)
    FUNCTION = "fail"

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {
                "image": ("IMAGE",),
                "message": ("STRING", {"default": "Easel test failure"}),
            }
        }

    def fail(self, image, message):
        raise RuntimeError(message)


class EaselSlow:
    CATEGORY = "easel/test"
    RETURN_TYPES = ("IMAGE",)
    FUNCTION = "wait"

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {
                "image": ("IMAGE",),
                "seconds": ("FLOAT", {"default": 5.0, "min": 0.0, "max": 600.0, "step": 0.1}),
            }
        }

    def wait(self, image, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            comfy.model_management.throw_exception_if_processing_interrupted()
            time.sleep(min(0.05, max(0.0, end - time.monotonic())))
        comfy.model_management.throw_exception_if_processing_interrupted()
        return (image,)


class EaselPassThrough:
    CATEGORY = "easel/test"
    RETURN_TYPES = ("IMAGE",)
    FUNCTION = "pass_on"

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {"image": ("IMAGE",)},
            "optional": {
                "prompt": ("STRING", {"default": "", "multiline": True}),
                "negative_prompt": ("STRING", {"default": "", "multiline": True}),
                "seed": ("INT", {"default": 0, "min": 0, "max": 0xFFFFFFFFFFFFFFFF}),
                "steps": ("INT", {"default": 1, "min": 1, "max": 150}),
            },
        }

    def pass_on(self, image, prompt="", negative_prompt="", seed=0, steps=1):
        return (image,)


NODE_CLASS_MAPPINGS = {
    "EaselProgressImage": EaselProgressImage,
    "EaselFail": EaselFail,
    "EaselSlow": EaselSlow,
    "EaselPassThrough": EaselPassThrough,
}

NODE_DISPLAY_NAME_MAPPINGS = {
    "EaselProgressImage": "Easel progress image (test)",
    "EaselFail": "Easel fail (test)",
    "EaselSlow": "Easel slow (test)",
    "EaselPassThrough": "Easel pass-through (test)",
}
