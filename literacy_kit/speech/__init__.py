"""Read-aloud: offline speech with espeak-ng, cached on disk by text, language and voice."""
from .cache import SpeechCache, join_wavs
from .engine import EspeakEngine, SpeechError
from .settings import SpeechSettings
from .speaker import Speaker, Typed, default_speaker, set_default_speaker

__all__ = ["EspeakEngine", "SpeechCache", "SpeechError", "SpeechSettings", "Speaker",
           "Typed", "default_speaker", "join_wavs", "set_default_speaker"]
