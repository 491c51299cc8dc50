import Foundation
print("labctl: under construction")
