def merge_csv(file_path: InputPath('Tarball'), output_csv: OutputPath('CSV')):
    """Extracts the CSV files of a tarball and merges them into one CSV file without headers."""
    import glob
    import os
    import tarfile
    import tempfile

    import pandas as pd

    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(name=file_path, mode='r|gz') as tarball:
            tarball.extractall(folder)
        csv_files = sorted(glob.glob(os.path.join(folder, '**', '*.csv'), recursive=True))
        if not csv_files:
            raise ValueError(f'the tarball {file_path} holds no CSV files')
        frames = [pd.read_csv(csv_file, header=None) for csv_file in csv_files]
        pd.concat(frames).to_csv(output_csv, index=False, header=False)
