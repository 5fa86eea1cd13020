# gen.py ROWS OFFSET: a CSV import as bench/Bench.java writes it (every fourth row left to the classifier).
import sys
n=int(sys.argv[1]); off=int(sys.argv[2])
S=["Charged twice for my subscription","Cannot log in after password reset","App crashes when I open the reports page","Would love to see dark mode","Steps to reproduce: export button does nothing"]
C=["account_access","technical_issue","billing_question","feature_request","bug_report"]
P=["urgent","high","medium","low"]; ST=["new","in_progress","waiting_customer","resolved","closed"]
print("customer_id,customer_email,customer_name,subject,description,category,priority,status,tags,source,browser,device_type")
for i in range(n):
    k=off+i; s=S[k%5]; cl=k%4==3
    print(f'cust-{k%5000},user{k}@example.com,Customer {k},{s},"{s}. It started this morning and keeps happening for our whole team, please have a look, reference {k}.",{"" if cl else C[k%5]},{"" if cl else P[(k//5)%4]},{ST[(k//7)%5]},"bench,t{k%50}",email,Firefox,desktop')
