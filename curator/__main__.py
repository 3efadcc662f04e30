"""``python -m curator``: the command line."""

from curator.cli import main

if __name__ == "__main__":  # importing this module (a frozen build imports every module) runs nothing
    main()
