"""Decide what a run must do, by comparing the files with what the warehouse already holds.

A document is known by the hash of its bytes. A run reads only files whose bytes it has
not read before (with the current reader), extracts facts only from documents that are new
or whose extraction rules or reference terms changed, marks documents whose file is gone as
withdrawn (their rows stay, for the record), and replaces a document whose file changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from pipelines.stages.reading import document_id


@dataclass(frozen=True)
class Plan:
    """What one run changes; everything not named here stays as it is."""

    to_read: pd.DataFrame  # manifest rows of files to read
    to_extract: frozenset[str]  # document ids whose facts are (re)extracted
    withdrawn: frozenset[str]  # document ids whose file is no longer in the sources
    #: document ids superseded by a changed file of the same name -> that file's name
    replaced_by: dict[str, str]
    renamed: dict[str, str] = field(default_factory=dict)  # document id -> new file name
    restored: frozenset[str] = frozenset()  # withdrawn document ids whose file is back
    unchanged: int = 0
    pending: frozenset[str] = frozenset()  # document ids left for the next runs (``first_batch``)
    pending_files: frozenset[str] = frozenset()  # file names among them not read yet

    @property
    def replaced(self) -> frozenset[str]:
        """Document ids superseded by a changed file of the same name."""
        return frozenset(self.replaced_by)

    @property
    def is_empty(self) -> bool:
        return not (len(self.to_read) or self.to_extract or self.withdrawn or self.replaced
                    or self.renamed or self.restored)

    def summary(self) -> dict[str, int]:
        return {
            "to_read": len(self.to_read),
            "to_extract": len(self.to_extract),
            "withdrawn": len(self.withdrawn),
            "replaced": len(self.replaced),
            "renamed": len(self.renamed),
            "restored": len(self.restored),
            "unchanged": self.unchanged,
            "pending": len(self.pending),
        }


def make_plan(
    manifest: pd.DataFrame,
    previous: pd.DataFrame,
    quarantined: pd.DataFrame,
    *,
    read_version: str,
    extract_versions: Mapping[str, str],
) -> Plan:
    """Compare the files (``manifest``) with the warehouse's ``documents`` and ``quarantine``.

    ``previous`` needs document_id, file_name, sha256, status, read_version, extract_version;
    ``quarantined`` needs file_name, sha256 and stage; ``extract_versions`` gives the current
    extraction version of every document id in the manifest.
    """
    originals = manifest[manifest["duplicate_of"].isna() & manifest["sha256"].notna()]
    known = {row.sha256: row for row in previous.itertuples(index=False)}
    failed_before = {
        (row.file_name, row.sha256)
        for row in quarantined.itertuples(index=False)
        if row.stage == "read"
    }
    current_shas = set(originals["sha256"])
    to_read_rows, to_extract, renamed, restored = [], set(), {}, set()
    unchanged = 0
    for row in originals.itertuples(index=False):
        doc_id = document_id(row.sha256)
        before = known.get(row.sha256)
        if before is not None:
            if before.read_version != read_version:
                to_read_rows.append(row)
                to_extract.add(doc_id)
                continue
            if before.extract_version != extract_versions[doc_id]:
                to_extract.add(doc_id)
            if before.file_name != row.file_name:
                renamed[doc_id] = row.file_name
            if before.status == "withdrawn":
                restored.add(doc_id)
                to_extract.add(doc_id)  # its document row is rebuilt with a live status
            if doc_id not in to_extract and doc_id not in renamed and doc_id not in restored:
                unchanged += 1
        elif (row.file_name, row.sha256) in failed_before:
            unchanged += 1  # the same bytes failed before: the quarantine row stands
        else:
            to_read_rows.append(row)
            to_extract.add(doc_id)
    gone = previous[~previous["sha256"].isin(current_shas)] if len(previous) else previous
    names_now = set(manifest["file_name"])
    superseded = gone[gone["file_name"].isin(names_now)]
    replaced_by = dict(zip(superseded["document_id"], superseded["file_name"], strict=True))
    withdrawn = frozenset(
        gone.loc[~gone["file_name"].isin(names_now) & (gone["status"] != "withdrawn"), "document_id"]
    )
    return Plan(
        to_read=pd.DataFrame(to_read_rows, columns=manifest.columns),
        to_extract=frozenset(to_extract),
        withdrawn=withdrawn,
        replaced_by=replaced_by,
        renamed=renamed,
        restored=frozenset(restored),
        unchanged=unchanged,
    )


def first_batch(plan: Plan, limit: int) -> Plan:
    """The part of ``plan`` one run takes on: at most ``limit`` documents to read or extract
    (0: no limit); the others are pending, for the runs after it.

    Files to read come first, in the order of the plan, then documents extracted again from
    their stored passages. Withdrawals and renamings need neither, and are all done at once.
    An older version is removed by the run that reads the file replacing it, so the warehouse
    never lacks a document between two runs.
    """
    read_ids = [document_id(sha) for sha in plan.to_read["sha256"]]
    order = read_ids + sorted(plan.to_extract - set(read_ids))
    if not limit or len(order) <= limit:
        return plan
    taken = frozenset(order[:limit])
    read_now = [doc_id in taken for doc_id in read_ids]
    left = [not now for now in read_now]
    pending_files = frozenset(plan.to_read.loc[left, "file_name"])
    replaced_by = {old: name for old, name in plan.replaced_by.items() if name not in pending_files}
    return replace(
        plan,
        to_read=plan.to_read[read_now].reset_index(drop=True),
        to_extract=taken,
        replaced_by=replaced_by,
        restored=plan.restored & taken,
        pending=frozenset(order[limit:]),
        pending_files=pending_files,
    )


def extraction_passages(
    plan: Plan, new: pd.DataFrame, read_stored: Callable[[frozenset[str]], pd.DataFrame]
) -> pd.DataFrame:
    """Passages of every document whose facts a run extracts: just read, or stored before."""
    stored = plan.to_extract - set(new["document_id"])
    if not stored:
        return new
    return pd.concat([new, read_stored(frozenset(stored))], ignore_index=True)
