"""The sample documents and their generators: samples.renderer (the bundled single records),
samples.generator (whole synthetic reports) and samples.corpus (a seeded corpus of N documents).

Import them from the project root (`python -m samples.corpus`, `import samples.generator`).
"""
