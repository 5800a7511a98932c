"""Readers that turn PDF and Word files into pages of text blocks, whatever their layout."""

from sources.model import Block, BlockKind, Page, ReadResult, ReadStatus
from sources.reader import read_document

__all__ = ["Block", "BlockKind", "Page", "ReadResult", "ReadStatus", "read_document"]
