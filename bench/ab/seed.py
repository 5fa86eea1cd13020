# 300 classified tickets of customer cust-list through POST /tickets; their ids to ids<port>.
import json, sys, urllib.request
port = sys.argv[1]
out = open("ids" + port, "w")
for i in range(300):
    body = {"customer_id": "cust-list", "customer_email": f"user{i}@example.com", "customer_name": f"Customer {i}",
            "subject": "Cannot log in after password reset",
            "description": f"Cannot log in after password reset. It started this morning, reference {i}.",
            "tags": ["bench", f"t{i % 50}"], "metadata": {"source": "email", "browser": "Firefox", "device_type": "desktop"}}
    req = urllib.request.Request(f"http://localhost:{port}/tickets", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    out.write(json.load(urllib.request.urlopen(req))["id"] + "\n")
