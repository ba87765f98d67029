#!/usr/bin/env python3
"""Cuts the transcript blocks out of the seed write-up into fixture files (see README.md).

Usage: extract-from-seed.py /work/shared/seed/k3s-split-brain-part2.ko.txt
Line numbers are 1-based and inclusive. A block listed with RESTORE_MEMBER_HEADER gets the
member-list header and borders the author left out of the monitor excerpts put back around the
rows the seed shows (the header is the same in every member-list table of the run).
"""
import os
import sys

RESTORE_MEMBER_HEADER = "member-header"
MEMBER_BORDER = "+------------------+---------+---------------+----------------------------+----------------------------+------------+"
MEMBER_HEADER = "| ID | STATUS | NAME | PEER ADDRS | CLIENT ADDRS | IS LEARNER |"

BLOCKS = {
    "kubectl/exp1-cp1-wide.txt": [(433, 434)],
    "kubectl/exp1-cp1-wide-with-workers.txt": [(557, 560)],
    "kubectl/exp2-cp1-wide-after-cluster-init.txt": [(590, 593)],
    "kubectl/exp2-cp1-wide-three-servers.txt": [(730, 735)],
    "kubectl/exp3a-cp2-wide-after-reboot.txt": [(831, 836)],
    "kubectl/exp3a-cp1-wide-after-cp3-reboot.txt": [(853, 858)],
    "kubectl/exp3b-cp1-wide-after-reboot.txt": [(931, 936)],
    "kubectl/exp4a-cp1-monitor-060924-wide.txt": [(987, 990)],
    "kubectl/exp4a-cp1-monitor-060929-wide.txt": [(997, 1000)],
    "kubectl/exp4a-cp3-wide.txt": [(1009, 1014)],
    "kubectl/exp4a-cp1-cp3-plain.txt": [(1038, 1043)],
    "kubectl/exp4b-cp3-refused.txt": [(1056, 1056)],
    "kubectl/exp4b-cp1-plain.txt": [(1059, 1064)],
    "kubectl/exp4b-cp3-wide.txt": [(1075, 1076)],
    "kubectl/exp4b-cp1-monitor-063546-plain.txt": [(1095, 1100)],
    "kubectl/exp4c-cp3-wide.txt": [(1144, 1145)],
    "kubectl/exp5a-cp1-wide.txt": [(1196, 1201)],
    "kubectl/exp5b-cp1-wide-after-delete.txt": [(1267, 1271)],
    "kubectl/exp5c-cp1-monitor-070010-wide.txt": [(1316, 1320)],
    "kubectl/exp5c-cp3-plain.txt": [(1344, 1349)],
    "etcdctl/exp2-cp1-member-list.txt": [(736, 742)],
    "etcdctl/exp2-cp1-endpoint-status.txt": [(743, 747)],
    "etcdctl/exp3a-cp2-member-list.txt": [(837, 843)],
    "etcdctl/exp3a-cp1-member-list.txt": [(859, 865)],
    "etcdctl/exp3b-cp1-member-list.txt": [(937, 943)],
    "etcdctl/exp4a-cp1-monitor-060924-member-list.txt": [RESTORE_MEMBER_HEADER, (993, 995), "border"],
    "etcdctl/exp4a-cp1-monitor-060929-member-list.txt": [RESTORE_MEMBER_HEADER, (1003, 1005), "border"],
    "etcdctl/exp4a-cp3-member-list.txt": [(1015, 1021)],
    "etcdctl/exp4a-cp3-endpoint-status.txt": [(1022, 1026)],
    "etcdctl/exp4a-cp1-endpoint-status.txt": [(1027, 1031)],
    "etcdctl/exp4b-cp3-endpoint-status-failed.txt": [(1082, 1082)],
    "etcdctl/exp5a-cp1-member-list.txt": [(1208, 1214)],
    "etcdctl/exp5a-cp1-endpoint-health.txt": [(1220, 1224)],
    "etcdctl/exp5a-cp1-endpoint-status.txt": [(1230, 1234)],
    "etcdctl/exp5b-cp1-member-list-after-delete.txt": [(1260, 1265)],
    "etcdctl/exp5c-cp1-monitor-070010-member-list.txt": [(1322, 1327)],
    "etcdctl/exp5c-cp1-monitor-070015-member-list.txt": [RESTORE_MEMBER_HEADER, (1330, 1331)],
    "etcdctl/exp5c-cp1-monitor-070020-member-list.txt": [RESTORE_MEMBER_HEADER, (1334, 1335)],
    "ls/exp1-cp1-db.txt": [(437, 441)],
    "ls/exp1-cp1-db-etcd.txt": [(442, 443)],
    "ls/exp1-w1-k3s.txt": [(546, 547)],
    "ls/exp2-cp1-db.txt": [(596, 600)],
    "ls/exp2-cp1-db-etcd.txt": [(603, 605)],
    "ls/exp2-cp2-db.txt": [(674, 676)],
    "ls/exp2-cp2-db-etcd.txt": [(677, 680)],
    "ls/exp4b-cp3-db.txt": [(1085, 1092)],
    "ls/exp4c-cp3-k3s-missing.txt": [(1141, 1141)],
    "ls/exp4c-cp3-db.txt": [(1148, 1154)],
    "ls/exp4c-cp3-db-etcd.txt": [(1156, 1159)],
    "systemd/exp1-cp1-k3s.service.txt": [(447, 481)],
    "systemd/exp1-w1-k3s-agent.service.txt": [(511, 543)],
    "systemd/exp2-cp1-k3s.service.txt": [(609, 644)],
    "systemd/exp2-cp2-k3s.service.txt": [(684, 718)],
    "systemd/exp3a-cp2-execstart-before.txt": [(779, 787)],
    "systemd/exp3a-cp2-execstart-after.txt": [(788, 794)],
    "systemd/exp3b-cp1-execstart-before.txt": [(885, 893)],
    "systemd/exp3b-cp1-execstart-after.txt": [(917, 924)],
    "systemd/exp5c-cp3-k3s.service.txt": [(1304, 1311)],
    "install/exp1-cp1-install.txt": [(413, 428)],
    "install/exp1-w1-install-agent.txt": [(492, 507)],
    "install/exp2-cp1-install-cluster-init.txt": [(573, 586)],
    "install/exp2-cp2-install-join.txt": [(656, 671)],
    "install/exp3b-cp1-install-rerun.txt": [(899, 912)],
    "token/exp2-cp1-node-token.txt": [(648, 648)],
}


def main(seed):
    with open(seed, encoding="utf-8") as f:
        lines = f.read().split("\n")
    here = os.path.dirname(os.path.abspath(__file__))
    for name, parts in BLOCKS.items():
        out = []
        for part in parts:
            if part == RESTORE_MEMBER_HEADER:
                out += [MEMBER_BORDER, MEMBER_HEADER, MEMBER_BORDER]
            elif part == "border":
                out.append(MEMBER_BORDER)
            else:
                out += lines[part[0] - 1:part[1]]
        path = os.path.join(here, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
