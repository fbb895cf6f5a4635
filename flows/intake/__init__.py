"""The intake service (`qpr serve-api`, issue #17): Parties and the secretariat submit reports
over HTTP into a batch folder, and read back records, review pages and the dataset.

- access.py: who may do what (API keys from flows/api_keys.py, roles, a rate limit per key);
- body_limit.py: an upload over the size limit refused before its body is read;
- ingest_loop.py: the thread that has the ingest flow run on accepted uploads, a batch at a time,
  by driver.py: the flow's driver in a process of its own;
- answers.py: what the endpoints say of a submission (its state, its record as served);
- app.py: the endpoints; docs_page.py: the API's docs, served without any outside asset.
"""
