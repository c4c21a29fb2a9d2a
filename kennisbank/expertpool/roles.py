from wijkwijzer.roles import EXPERTPOOL_COORDINATOR

# Requests are seen and worked by the coordinators only; requesters and experts see their own
# part on the site (kennisbank.expertpool.selectors).
ROLE_PERMISSIONS = {
    EXPERTPOOL_COORDINATOR: [
        "expertpool.view_ondersteuningsaanvraag",
        "expertpool.change_ondersteuningsaanvraag",
    ],
}
