print("ptero")
