//! Benchmarks for tdx-calls (see `benches/`).
