"""The lock that keeps the per-minute `search_index --achterstand` runs from overlapping
(search.services.alleen_deze_run); the queue itself is tested with the search contract."""

from search.services import alleen_deze_run


def test_one_run_at_a_time_also_with_the_index_path_as_text_in_a_folder_not_made_yet(
    settings, tmp_path
):
    settings.SEARCH_EMBEDDED_PATH = str(tmp_path / "nieuw" / "index.sqlite3")

    with alleen_deze_run() as eerste, alleen_deze_run() as tweede:
        assert (eerste, tweede) == (True, False)
    with alleen_deze_run() as daarna:
        assert daarna


def test_a_lock_file_that_cannot_be_made_lets_the_run_go_ahead(settings, tmp_path, caplog):
    # A file where the index's folder should be: nothing can be made inside it.
    (tmp_path / "bestand").write_text("")
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "bestand" / "index.sqlite3"

    with alleen_deze_run() as mag:
        assert mag
    assert "Geen slot" in caplog.text
