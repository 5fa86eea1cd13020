-- POST /tickets of a ticket the classifier decides (no category, no priority)
wrk.path = "/tickets"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"customer_id":"cust-ab","customer_email":"ann@example.com","customer_name":"Ann Lee","subject":"Charged twice for my subscription","description":"Charged twice for my subscription. It started this morning and keeps happening for our whole team, please have a look.","tags":["bench","ab"],"metadata":{"source":"email","browser":"Firefox","device_type":"desktop"}}'
