//! The index built a batch of documents at a time and written as it goes: each batch is
//! indexed in parallel (elasticlunr, [`CHUNK`] documents per index), its postings appended
//! to the compact [`Postings`], its rows written as document chunks as soon as a chunk is
//! full, and the batch dropped. Memory holds the encoded postings and one batch, never
//! every document's text (a 100,000-page site would need gigabytes).

use rayon::prelude::*;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::docs::Doc;
use super::encode::{self, chunk_file, row, title_length};
use super::lunr::{index_chunk, TokenPostings, CHUNK};
use super::postings::Postings;
use super::{fold, KINDS};
use crate::model::index::Index;
use crate::model::Model;
use crate::output::{OutFile, Sink};

/// A batch of documents indexed, waiting for [`IndexWriter::merge`]: per [`CHUNK`] documents,
/// their postings, result rows and title lengths.
pub struct Batch {
    first: usize,
    len: usize,
    parts: Vec<(TokenPostings, Vec<String>, Vec<u8>)>,
}

/// Index `docs`, numbered from `first`, in parallel. Reads nothing of the writer, so the next
/// batch is indexed while the one before is merged.
pub fn index(first: usize, docs: Vec<Doc>) -> Batch {
    let parts = docs
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            let rows = chunk.iter().map(|d| row(d, &KINDS)).collect();
            let lens = chunk.iter().map(title_length).collect();
            (index_chunk(first + i * CHUNK, chunk), rows, lens)
        })
        .collect();
    Batch {
        first,
        len: docs.len(),
        parts,
    }
}

/// Writes the index files of one site into a sink.
pub struct IndexWriter<'s> {
    sink: &'s dyn Sink,
    per_chunk: usize,
    /// Documents added so far.
    docs: usize,
    /// Every document's title length, in query tokens.
    title_len: Vec<u8>,
    postings: Postings,
    /// Rows of the chunk being filled.
    pending: Vec<String>,
    chunks: usize,
    /// Over the chunks, then the shards, in order: the index's id in `meta.js`.
    id: Sha256,
    /// What was written: bytes, files, the largest shard (path, bytes).
    pub bytes: usize,
    pub files: usize,
    pub largest_shard: (String, usize),
}

impl<'s> IndexWriter<'s> {
    /// A writer whose document chunks hold `per_chunk` documents each.
    pub fn new(sink: &'s dyn Sink, per_chunk: usize) -> Self {
        IndexWriter {
            sink,
            per_chunk,
            docs: 0,
            title_len: Vec::new(),
            postings: Postings::default(),
            pending: Vec::with_capacity(per_chunk),
            chunks: 0,
            id: Sha256::new(),
            bytes: 0,
            files: 0,
            largest_shard: (String::new(), 0),
        }
    }

    /// Append the next indexed batch (its documents numbered on from the ones added so far)
    /// and write the chunks it fills.
    pub fn merge(&mut self, batch: Batch) {
        assert_eq!(batch.first, self.docs, "batches arrive in order");
        self.docs += batch.len;
        let mut files = Vec::new();
        for (postings, rows, lens) in batch.parts {
            self.title_len.extend(lens);
            self.postings.add(postings, &self.title_len);
            for r in rows {
                self.pending.push(r);
                if self.pending.len() == self.per_chunk {
                    files.push(self.chunk());
                }
            }
        }
        self.put(files);
    }

    /// The pending rows as the next chunk file.
    fn chunk(&mut self) -> OutFile {
        let text = chunk_file(self.chunks, &self.pending);
        self.id.update(text.as_bytes());
        self.pending.clear();
        self.chunks += 1;
        OutFile {
            path: format!("search/d/{}.js", self.chunks - 1),
            bytes: text.into_bytes(),
        }
    }

    /// Hand `files` to the sink (in parallel: a build's sink writes them to disk).
    fn put(&mut self, files: Vec<OutFile>) {
        self.files += files.len();
        self.bytes += files.iter().map(|f| f.bytes.len()).sum::<usize>();
        files.into_par_iter().for_each(|f| self.sink.put(f));
    }

    /// Write the last chunk, the token shards, `fold.js` and `meta.js`.
    pub fn finish(&mut self, model: &Model, index: &Index) {
        let mut files = Vec::new();
        if !self.pending.is_empty() {
            files.push(self.chunk());
        }
        let tokens = std::mem::take(&mut self.postings).finish();
        let nshards = encode::shard_count(encode::tokens_bytes(&tokens));
        let shards = encode::shards(&tokens, nshards);
        drop(tokens);
        for (n, s) in shards.into_iter().enumerate() {
            self.id.update(s.as_bytes());
            let path = format!("search/t/{n}.js");
            if s.len() > self.largest_shard.1 {
                self.largest_shard = (path.clone(), s.len());
            }
            files.push(OutFile {
                path,
                bytes: s.into_bytes(),
            });
        }
        let id: String = std::mem::take(&mut self.id).finalize()[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let meta = json!({
            "v": 2,
            "id": id,
            "docs": self.docs,
            "shards": nshards,
            "chunk": self.per_chunk,
            "kinds": KINDS,
            "platforms": model.platforms.iter().map(|p| &p.meta.name).collect::<Vec<_>>(),
            "suggest": crate::model::walk::suggestions(model, index),
        });
        files.push(OutFile {
            path: "search/meta.js".into(),
            bytes: format!("guidepostSearch.m({meta});\n").into_bytes(),
        });
        files.push(OutFile {
            path: "search/fold.js".into(),
            bytes: fold::js().into_bytes(),
        });
        self.put(files);
    }
}
