"""What the tests share and no test module holds: the dbt harness (scratch copies of the
project built on written inputs, the engines' connection settings), the independent Python
reference of the contract, and the hand-made datasets and grid cases several test files build.

A test module imports from here, never from another test module.
"""
