-- 0870 The service-gaps report counts, per keyword set (life areas, needs), the active services with
-- one of its keywords (`keywords && kws`). Without an index every set (× municipality) tested every
-- service: 354k array tests and 580 ms a request at 7k services on PostgreSQL, 1.1 s on PGlite
-- (docs/performance.md, fourth round). With it each set is one bitmap index scan.
CREATE INDEX catalog_services_keywords_idx ON catalog_services USING gin (keywords);
