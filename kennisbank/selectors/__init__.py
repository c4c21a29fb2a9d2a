"""Read paths of the kennisbank, each with a fixed number of queries however many items,
themes or related items there are; one module per part (as `kennisbank.models`). Import from
the module: `from kennisbank.selectors.agenda import evenement_detail`."""
